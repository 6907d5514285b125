package dev.tlsconsole.audit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The {@link Audited} operations running on this thread, innermost last: {@link AuditedOperationInterceptor}
 * pushes one around every audited call (nested ones too, so that a host created by an import is recorded
 * as {@code host.create}), and {@link AuditRecord#success(Object, String, Object, Object)} reads it.
 */
final class ActiveAudit {

    /** An audited call: its action and the object id its annotation names (null when it names none). */
    record Operation(AuditAction action, String objectId) {
    }

    private static final ThreadLocal<Deque<Operation>> RUNNING = ThreadLocal.withInitial(ArrayDeque::new);

    private ActiveAudit() {
    }

    static void push(Operation operation) {
        RUNNING.get().addLast(operation);
    }

    static void pop() {
        Deque<Operation> running = RUNNING.get();
        running.removeLast();
        if (running.isEmpty()) {
            RUNNING.remove();
        }
    }

    static Operation current() {
        Operation operation = RUNNING.get().peekLast();
        if (operation == null) {
            throw new IllegalStateException("AuditRecord.success without an action is for @Audited methods only");
        }
        return operation;
    }
}
