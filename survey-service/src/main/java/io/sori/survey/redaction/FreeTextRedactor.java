package io.sori.survey.redaction;

/**
 * Masks personal data (resident registration, card, phone and account numbers) in what customers
 * type before it is stored or published. The suite's redactor is wired as this bean where it is
 * available; {@link DigitRunMasking} stands in otherwise.
 */
@FunctionalInterface
public interface FreeTextRedactor {

    String redact(String text);
}
