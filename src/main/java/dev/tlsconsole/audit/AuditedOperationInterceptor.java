package dev.tlsconsole.audit;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.FieldRules;
import dev.tlsconsole.InputText;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.NotFoundException;

/**
 * Wraps every {@link Audited} method outside its security check and its transaction: a thrown
 * exception becomes one FAILURE entry written in a new transaction; a denial is handed to the
 * security layer (which records it) with this operation's action name.
 */
class AuditedOperationInterceptor implements MethodInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditedOperationInterceptor.class);
    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final DefaultParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

    private final AuditTrail trail;
    private final jakarta.validation.Validator validator;

    AuditedOperationInterceptor(AuditTrail trail, jakarta.validation.Validator validator) {
        this.trail = trail;
        this.validator = validator;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Audited audited = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), Audited.class);
        if (audited == null) {
            return invocation.proceed();
        }
        ActiveAudit.push(new ActiveAudit.Operation(audited.value(), evaluate(audited.objectId(), invocation)));
        try {
            return recordingOutcome(audited, invocation);
        } finally {
            ActiveAudit.pop();
        }
    }

    private Object recordingOutcome(Audited audited, MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // called from inside another audited operation: the outermost one records the outcome
            return invocation.proceed();
        }
        try {
            // every field of the write is checked before the database sees it (a refusal is audited below)
            FieldRules.check(validator, invocation.getThis(), invocation.getMethod(),
                    PARAMETER_NAMES.getParameterNames(invocation.getMethod()), invocation.getArguments());
            return invocation.proceed();
        } catch (AccessDeniedException e) {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request != null) {
                request.setAttribute(DeniedOperation.ATTRIBUTE,
                        new DeniedOperation(audited.value(), evaluate(audited.objectId(), invocation),
                                evaluate(audited.objectName(), invocation)),
                        RequestAttributes.SCOPE_REQUEST);
            } else {
                trail.recordSeparately(AuditRecord.denied(audited.value(),
                        evaluate(audited.objectId(), invocation), evaluate(audited.objectName(), invocation), "access denied"));
            }
            throw e;
        } catch (RuntimeException e) {
            trail.recordSeparately(AuditRecord.failure(audited.value(),
                    evaluate(audited.objectId(), invocation), evaluate(audited.objectName(), invocation), describe(e)));
            throw e;
        }
    }

    /** Client errors keep their (user-facing, secret-free) message; anything else is summarised. */
    private static String describe(RuntimeException e) {
        if (e instanceof InvalidInputException || e instanceof NotFoundException || e instanceof ConflictException) {
            String message = e.getMessage();
            return message.length() > 2000 ? message.substring(0, 1997) + "..." : message;
        }
        if (e instanceof org.springframework.dao.OptimisticLockingFailureException) {
            return "conflict: the object was changed by someone else";
        }
        return "internal error (" + e.getClass().getSimpleName() + ")";
    }

    private static String evaluate(String spel, MethodInvocation invocation) {
        if (spel.isEmpty()) {
            return null;
        }
        try {
            Method method = invocation.getMethod();
            Expression expression = PARSER.parseExpression(spel);
            Object value = expression.getValue(new MethodBasedEvaluationContext(
                    invocation.getThis(), method, invocation.getArguments(), PARAMETER_NAMES));
            if (value == null) {
                return null;
            }
            // the refused input may be longer than the trail's column (object_name, 255): keep its beginning
            String text = value.toString();
            return text.length() > InputText.MAX_LENGTH ? text.substring(0, InputText.MAX_LENGTH - 1) + "…" : text;
        } catch (RuntimeException e) {
            // the name is a convenience for readers of the trail; the entry is still written without it
            log.debug("Could not evaluate audit expression '{}'", spel, e);
            return null;
        }
    }
}
