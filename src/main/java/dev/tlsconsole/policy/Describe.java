package dev.tlsconsole.policy;

import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.ObjectType;

/** The prose that finding messages share, so that every message names objects the same way. */
final class Describe {

    private Describe() {
    }

    /** "host 'h'", "application 'a'", "port 'confserv:default'", "connection 'statserv → confserv:default'". */
    static String object(ObjectRef ref) {
        return switch (ref.type()) {
            case HOST -> "host '" + ref.name() + "'";
            case APPLICATION -> "application '" + ref.name() + "'";
            case PORT -> "port '" + ref.name() + "'";
            case CONNECTION -> "connection '" + ref.name() + "'";
            case APPLICATION_ANNEX -> "the annex of application '" + ref.name() + "'";
        };
    }

    /** Where a value sits: "in the annex of host 'h'", "in application 'a'", "on port …", "on connection …". */
    static String at(ObjectRef ref) {
        return (ref.type() == ObjectType.PORT || ref.type() == ObjectType.CONNECTION ? "on " : "in ") + place(ref);
    }

    /** The object as a place options are kept: "the annex of host 'h'", "application 'a'", "port …". */
    static String place(ObjectRef ref) {
        return ref.type() == ObjectType.HOST ? "the annex of host '" + ref.name() + "'" : object(ref);
    }

    /** Where a resolved value came from; "by default" when nobody set it. */
    static String at(ResolvedOption option) {
        return option.source().map(Describe::at).orElse("by default");
    }

    /** {@code key=value} as the user would type it. */
    static String setting(ResolvedOption option) {
        return option.option().key() + "=" + option.value();
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
