package dev.tlsconsole.security.accounts;

import java.net.URI;
import java.util.Set;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.PageResponse;
import dev.tlsconsole.security.accounts.AccountCommands.AccountChange;
import dev.tlsconsole.security.accounts.AccountCommands.AccountView;
import dev.tlsconsole.security.accounts.AccountCommands.NewAccount;
import dev.tlsconsole.SortableBy;

/** Account administration over the API (ADMIN). */
@ApiController("/users")
class UserApiController {

    private final AccountService accounts;

    UserApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Body of {@code POST /users/{id}/password}. */
    record PasswordBody(String password) {
        @Override
        public String toString() {
            return "PasswordBody[redacted]";
        }
    }

    /** Body of {@code PUT /users/{id}}; {@code id} and the read-only fields of a GET may be sent back unchanged. */
    record AccountChangeBody(Long id, String username, Set<Role> roles, Boolean enabled, Long version, Boolean locked,
            java.time.Instant lockedUntil, Integer failedAttempts, java.time.Instant createdAt,
            java.time.Instant passwordChangedAt) {
    }

    @GetMapping
    PageResponse<AccountView> list(@SortableBy({"username", "createdAt"}) @PageableDefault(size = 50, sort = "username") Pageable pageable) {
        return PageResponse.of(accounts.list(pageable));
    }

    @GetMapping("/{id}")
    AccountView get(@PathVariable long id) {
        return accounts.get(id);
    }

    @PostMapping
    ResponseEntity<AccountView> create(@RequestBody NewAccount body) {
        AccountView created = accounts.create(body);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @PutMapping("/{id}")
    AccountView update(@PathVariable long id, @RequestBody AccountChangeBody body) {
        return accounts.update(id, new AccountChange(body.roles(), body.enabled(), body.version()));
    }

    @Operation(operationId = "resetUserPassword")
    @PostMapping("/{id}/password")
    ResponseEntity<Void> resetPassword(@PathVariable long id, @RequestBody PasswordBody body) {
        accounts.resetPassword(id, body.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unlock")
    AccountView unlock(@PathVariable long id) {
        return accounts.unlock(id);
    }
}
