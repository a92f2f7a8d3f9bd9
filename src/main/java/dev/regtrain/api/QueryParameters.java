package dev.regtrain.api;

import dev.regtrain.common.FieldError;
import dev.regtrain.common.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Query parameters are checked like the fields of a JSON body: a name the operation does not take, a name given
 * twice, or a name without a value is a 400 that names it, before the handler runs. The names an operation takes are
 * read from its handler method: its {@code @RequestParam}s and the components of its {@code @ParameterObject}
 * records. A handler that takes a {@code @RequestParam Map} (a built-in preview, whose generator has parameters of
 * its own) checks the names it does not declare itself.
 */
class QueryParameters implements HandlerInterceptor {

    private final Map<Method, Declared> declared = new ConcurrentHashMap<>();

    /** The names a handler declares, and whether it takes others too (a catch-all map). */
    record Declared(Set<String> names, boolean open) {
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
            return true;
        }
        Declared known = declared.computeIfAbsent(method.getMethod(), m -> declared(method));
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> empty = new LinkedHashSet<>();
        for (String pair : request.getQueryString().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            counts.merge(name, 1, Integer::sum);
            if (value.isBlank()) {
                empty.add(name);
            }
        }
        List<FieldError> errors = new ArrayList<>();
        counts.forEach((name, count) -> {
            if (!known.open() && !known.names().contains(name)) {
                errors.add(new FieldError(name, "is not a query parameter of this operation"
                        + JsonErrors.suggestion(name, new ArrayList<Object>(known.names())) + takes(known.names())));
            } else if (empty.contains(name)) {
                errors.add(new FieldError(name, "needs a value"));
            } else if (count > 1) {
                errors.add(new FieldError(name, "is given " + count + " times; give it once"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return true;
    }

    /** The names of the query parameters a handler method binds. */
    static Declared declared(HandlerMethod method) {
        Set<String> names = new LinkedHashSet<>();
        boolean open = false;
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                    open = true;
                } else {
                    String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
                    names.add(name);
                }
            } else if (parameter.hasParameterAnnotation(ParameterObject.class)) {
                for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                    names.add(component.getName());
                }
            }
        }
        return new Declared(Set.copyOf(names), open);
    }

    private static String takes(Collection<String> names) {
        return names.isEmpty() ? "; it takes none" : "; it takes " + String.join(", ", names.stream().sorted().toList());
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("query", "cannot be decoded: every parameter needs a name, and names "
                    + "and values must be percent-encoded UTF-8");
        }
    }
}
