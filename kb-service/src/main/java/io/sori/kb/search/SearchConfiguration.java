package io.sori.kb.search;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    @Bean
    KoreanAnalysis koreanAnalysis() {
        return KoreanAnalysis.standard();
    }

    @Bean(destroyMethod = "close")
    ArticleIndex articleIndex(KoreanAnalysis analysis) {
        return new ArticleIndex(analysis);
    }
}
