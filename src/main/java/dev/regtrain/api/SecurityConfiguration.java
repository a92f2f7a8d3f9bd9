package dev.regtrain.api;

import dev.regtrain.security.KeyService;
import dev.regtrain.security.SecurityProperties;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one security filter chain, stateless (no session, no form login, no cookies): security headers on every
 * answer; without keys the Host check (DNS rebinding); always the cross-site check (CSRF); with keys the bearer
 * key filter and per-key rate limit, and the rules of who may call what.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
public class SecurityConfiguration {

    /**
     * The dashboard's policy: its own scripts, styles, images (and the plots it fetches as blobs) only; no inline
     * script or style, no eval, never in a frame.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' blob: data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties,
                                            ObjectProvider<KeyService> keys, JsonMapper json) throws Exception {
        FilterProblems problems = new FilterProblems(json);
        RequestMatcher swaggerUi = request -> request.getRequestURI().startsWith("/swagger-ui");
        http.csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", BearerKeyFilter.CHALLENGE);
                            problems.write(request, response, Problems.Kind.UNAUTHORIZED, "this request needs a key: "
                                    + "send 'Authorization: Bearer <key>'");
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                Problems.Kind.FORBIDDEN, "this needs an admin key")));
        if (properties.keys()) {
            http.addFilterAfter(new CrossSiteFilter(problems), HeaderWriterFilter.class)
                    .addFilterAfter(new BearerKeyFilter(keys.getObject(), problems), CrossSiteFilter.class)
                    .addFilterAfter(new RateLimitFilter(properties.rate(), TimeMeter.SYSTEM_NANOTIME, problems),
                            BearerKeyFilter.class)
                    .authorizeHttpRequests(rules -> rules
                            .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                            .requestMatchers("/actuator/**", "/api/v1/keys", "/api/v1/keys/**").hasRole("ADMIN")
                            .requestMatchers("/api/**").authenticated()
                            .anyRequest().permitAll());
        } else {
            http.addFilterAfter(new LoopbackHostFilter(properties.allowedHosts(), problems), HeaderWriterFilter.class)
                    .addFilterAfter(new CrossSiteFilter(problems), LoopbackHostFilter.class)
                    .authorizeHttpRequests(rules -> rules.anyRequest().permitAll());
        }
        return http.build();
    }
}
