package io.sori.survey.questions;

/** What kind of answer a question takes. */
public enum QuestionType {
    /** a whole number from 1 (very dissatisfied) to 5 (very satisfied) */
    SCORE,
    /** true or false */
    YES_NO,
    /** free text, personal numbers masked before it is stored */
    TEXT
}
