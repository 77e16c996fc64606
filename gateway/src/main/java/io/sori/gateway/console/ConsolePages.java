package io.sori.gateway.console;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The agent console ({@code /console/}) and the customer's status page ({@code /status/}): the
 * console module's built files, which come inside the gateway's jar from
 * {@code classpath:/META-INF/resources/} (Spring's static resources serve the rest). Both pages
 * talk only to the public API on this same origin, so their policy allows nothing else.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages {

    /** Scripts, styles and calls from this origin only; no inline code, no framing, no plugins. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** The built assets' names carry a hash of their content: a new build has new names. */
    private static final String ASSETS = "/console/assets/";

    @Bean
    RouterFunction<ServerResponse> consoleIndexPages(
            @Value("classpath:/META-INF/resources/console/index.html") Resource console,
            @Value("classpath:/META-INF/resources/status/index.html") Resource status) {
        return route(GET("/console/"), request -> page(console))
                .andRoute(GET("/status/"), request -> page(status))
                .andRoute(GET("/console"), request -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
                .andRoute(GET("/status"), request -> ServerResponse.permanentRedirect(URI.create("/status/")).build());
    }

    @Bean
    WebFilter consolePageHeaders() {
        return new PageHeaders();
    }

    private static Mono<ServerResponse> page(Resource html) {
        return html.exists() ? ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML,
                java.nio.charset.StandardCharsets.UTF_8)).bodyValue(html) : ServerResponse.notFound().build();
    }

    /** The policy on both pages; hashed assets may be kept for a year, the pages themselves never. */
    static final class PageHeaders implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String path = exchange.getRequest().getPath().value();
            if (path.startsWith("/console/") || path.startsWith("/status/")) {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                if (path.startsWith(ASSETS)) {
                    // set before the security headers are written: they leave an existing Cache-Control alone
                    headers.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
                }
            }
            return chain.filter(exchange);
        }

        /** After request ids and the path check, before the security rules. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 3;
        }
    }
}
