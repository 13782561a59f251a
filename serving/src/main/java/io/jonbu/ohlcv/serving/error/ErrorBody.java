package io.jonbu.ohlcv.serving.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one JSON shape of every error response: {@code {"error":{"code":..,"field":..,"message":..}}}.
 * {@code code} is stable for programs, {@code message} is for people.
 */
public record ErrorBody(Detail error) {

    /** @param field the request parameter at fault, absent when no single one is */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String field, String message) {}

    public static ErrorBody of(String code, String field, String message) {
        return new ErrorBody(new Detail(code, field, message));
    }
}
