package io.sori.survey.survey;

import io.sori.survey.questions.QuestionSets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SurveySettings.class)
class SurveyConfiguration {

    /** Checked at start: a set without {@code overall}, or no catch-all, stops the service with the reason. */
    @Bean
    QuestionSets questionSets(SurveySettings settings) {
        return new QuestionSets(settings.questionSets());
    }
}
