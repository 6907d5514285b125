package dev.tlsconsole.topology.web;

import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.web.ObjectLinks;

/**
 * The page shown when a deletion is refused because something uses the object: the dependents, each
 * linked, and a cascade button whose form asks for confirmation before it posts.
 */
public final class DeleteRefusal {

    static final String VIEW = "topology/delete-refused";

    private DeleteRefusal() {
    }

    /** Fills the model from the 409 of the service and returns the view name. */
    public static String show(Model model, ConflictException refusal, String kindKey, String name, String objectUrl) {
        List<Dependent> dependents = refusal.details().get("usedBy") instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(Map.class::cast).map(DeleteRefusal::dependent).toList()
                : List.of();
        model.addAttribute("refusal", new Refusal(kindKey, name, refusal.getMessage(), dependents, objectUrl + "/delete",
                objectUrl));
        return VIEW;
    }

    private static Dependent dependent(Map<?, ?> map) {
        String type = String.valueOf(map.get("type"));
        String url = map.get("id") instanceof Number id ? switch (type) {
            case "APPLICATION" -> ObjectLinks.application(id.longValue());
            case "CONNECTION" -> ObjectLinks.connection(id.longValue());
            default -> null;
        } : null;
        return new Dependent(type, String.valueOf(map.get("name")), url);
    }

    /** What the page shows. */
    public record Refusal(String kindKey, String name, String message, List<Dependent> dependents, String cascadeAction,
            String backUrl) {
    }

    /** One object in the way, with a link to it. */
    public record Dependent(String type, String name, String url) {
    }
}
