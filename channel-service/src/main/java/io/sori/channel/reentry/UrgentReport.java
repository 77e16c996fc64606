package io.sori.channel.reentry;

import io.sori.events.Category;
import io.sori.platform.intent.CategoryNames;
import io.sori.platform.intent.Intent;
import io.sori.platform.intent.IntentModel;
import java.util.Optional;

/**
 * Recognises the reports that must always get through, even from a blocked customer, with Sori's
 * one {@link IntentModel} (the chatbot and the ticket read the same text the same way): an
 * emergency in the words (a lost or stolen card or phone, voice phishing, fraud, identity theft,
 * hacking, unknown payments), or the fraud or card-loss line chosen on the phone, unless the
 * words say otherwise. A prevention question or a denial ("보이스피싱 예방 방법", "해킹 당한건
 * 아닌데") is no emergency.
 */
public final class UrgentReport {

    private static final IntentModel MODEL = IntentModel.withDefaults();

    private UrgentReport() {
    }

    /** The emergency's category (FRAUD, CARD_LOSS, IDENTITY ...) when the contact is an emergency report, else empty. */
    public static Optional<String> categoryOf(String text, String categoryHint) {
        Intent intent = MODEL.read(text, categoryHint);
        if (intent.isEmergency()) {
            return Optional.of(intent.category().name());
        }
        Optional<Category> line = CategoryNames.parse(categoryHint)
                .filter(hint -> hint == Category.FRAUD || hint == Category.CARD_LOSS);
        return line.filter(hint -> intent.category() == hint).map(Category::name);
    }
}
