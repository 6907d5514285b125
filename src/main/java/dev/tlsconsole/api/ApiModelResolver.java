package dev.tlsconsole.api;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JavaType;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Swagger's model resolver with the console's schema names ({@link ApiSchemaNames}); a record component
 * of a primitive type is always present in the JSON, so it is {@code required}.
 */
final class ApiModelResolver extends ModelResolver {

    private final String basePackage;

    ApiModelResolver(String basePackage) {
        super(Json.mapper(), new ApiSchemaNames(basePackage));
        this.basePackage = basePackage;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Schema resolve(AnnotatedType annotatedType, ModelConverterContext context, Iterator<ModelConverter> next) {
        Schema schema = super.resolve(annotatedType, context, next);
        if (schema == null || annotatedType.getType() == null) {
            return schema;
        }
        JavaType type = _mapper.constructType(annotatedType.getType());
        Class<?> raw = type.getRawClass();
        Schema target = schema.get$ref() != null && schema.getProperties() == null && context.getDefinedModels() != null
                ? context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1))
                : schema;
        if (target != null && raw.isRecord() && raw.getName().startsWith(basePackage + ".") && target.getProperties() != null) {
            for (RecordComponent component : raw.getRecordComponents()) {
                boolean present = component.getType().isPrimitive() && target.getProperties().containsKey(component.getName());
                if (present && (target.getRequired() == null || !target.getRequired().contains(component.getName()))) {
                    target.addRequiredItem(component.getName());
                }
            }
        }
        return schema;
    }
}
