package dev.regtrain.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.regtrain.common.ApiNames;
import dev.regtrain.data.GeneratorInfo;
import dev.regtrain.data.ParameterInfo;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The built-in generators with their parameters, defaults and limits. */
record BuiltinCatalogue(List<Generator> generators) {

    @Schema(name = "BuiltinGenerator", description = "A generator of a built-in dataset")
    record Generator(String name, String task, String description, List<Parameter> parameters) {
    }

    @Schema(name = "GeneratorParameter", description = "A parameter of a generator, with its default and limits")
    record Parameter(String name, String description, @JsonProperty("default") double defaultValue, double min,
                     double max, boolean integer) {
    }

    static BuiltinCatalogue of(List<GeneratorInfo> generators) {
        return new BuiltinCatalogue(generators.stream().map(g -> new Generator(g.name(),
                ApiNames.of(g.task()), g.description(),
                g.parameters().stream().map(BuiltinCatalogue::parameter).toList())).toList());
    }

    private static Parameter parameter(ParameterInfo p) {
        return new Parameter(p.name(), p.description(), p.defaultValue(), p.min(), p.max(), p.integer());
    }
}
