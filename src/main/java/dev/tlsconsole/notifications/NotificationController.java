package dev.tlsconsole.notifications;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.notifications.ChannelCommands.ChannelView;
import dev.tlsconsole.notifications.ChannelCommands.RunResult;
import dev.tlsconsole.notifications.ChannelCommands.TestResult;
import dev.tlsconsole.web.FormErrors;

/** The notification screens (ADMIN): channels with their Test button, the channel form, the log. */
@Controller
@RequestMapping("/notifications")
class NotificationController {

    static final String LIST_VIEW = "notifications/list";
    static final String FORM_VIEW = "notifications/form";
    static final String LOG_VIEW = "notifications/log";

    private final NotificationChannels channels;
    private final NotificationChecks checks;
    private final NotificationLogReads log;

    NotificationController(NotificationChannels channels, NotificationChecks checks, NotificationLogReads log) {
        this.channels = channels;
        this.checks = checks;
        this.log = log;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("channels", channels.list());
        return LIST_VIEW;
    }

    @GetMapping("/log")
    String log(@RequestParam(required = false) String channel, @RequestParam(required = false) String event,
            @PageableDefault(size = 50) Pageable pageable, Model model) {
        model.addAttribute("page", log.search(channel, event, pageable));
        model.addAttribute("channel", channel);
        model.addAttribute("event", event);
        return LOG_VIEW;
    }

    @GetMapping("/channels/new")
    String newForm(Model model) {
        model.addAttribute("form", new ChannelForm());
        model.addAttribute("channelId", null);
        return FORM_VIEW;
    }

    @PostMapping("/channels/new")
    String create(@ModelAttribute("form") ChannelForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        try {
            ChannelView created = channels.create(form.toRequest(false));
            redirect.addFlashAttribute("success", "notifications.channel.saved");
            redirect.addFlashAttribute("successArg", created.name());
            return "redirect:/notifications";
        } catch (InvalidInputException e) {
            FormErrors.apply(e, binding);
        }
        model.addAttribute("channelId", null);
        return FORM_VIEW;
    }

    @GetMapping("/channels/{id}")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("form", ChannelForm.of(channels.get(id)));
        model.addAttribute("channelId", id);
        return FORM_VIEW;
    }

    @PostMapping("/channels/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") ChannelForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        try {
            ChannelView saved = channels.update(id, form.toRequest(true));
            redirect.addFlashAttribute("success", "notifications.channel.saved");
            redirect.addFlashAttribute("successArg", saved.name());
            return "redirect:/notifications";
        } catch (InvalidInputException e) {
            FormErrors.apply(e, binding);
        } catch (ConflictException e) {
            binding.reject("conflict", e.getMessage());
        }
        model.addAttribute("channelId", id);
        return FORM_VIEW;
    }

    @PostMapping("/channels/{id}/test")
    String test(@PathVariable long id, RedirectAttributes redirect) {
        TestResult result = channels.test(id);
        redirect.addFlashAttribute(result.delivered() ? "success" : "error",
                result.delivered() ? "notifications.test.delivered" : "notifications.test.failed");
        redirect.addFlashAttribute(result.delivered() ? "successArg" : "errorArg", result.detail());
        return "redirect:/notifications";
    }

    @PostMapping("/channels/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        channels.delete(id);
        redirect.addFlashAttribute("success", "notifications.channel.deleted");
        redirect.addFlashAttribute("successArg", String.valueOf(id));
        return "redirect:/notifications";
    }

    @PostMapping("/run")
    String run(RedirectAttributes redirect) {
        RunResult result = checks.runNow();
        redirect.addFlashAttribute("success", "notifications.run.done");
        redirect.addFlashAttribute("successArg", result.sent() + " / " + result.failed());
        return "redirect:/notifications/log";
    }
}
