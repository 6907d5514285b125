package dev.tlsconsole.security.accounts;

import java.net.URI;
import java.security.Principal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.PageResponse;
import dev.tlsconsole.security.accounts.AccountCommands.AccountView;
import dev.tlsconsole.security.accounts.AccountCommands.CreatedToken;
import dev.tlsconsole.security.accounts.AccountCommands.NewToken;
import dev.tlsconsole.security.accounts.AccountCommands.TokenView;

/** The caller's own account: password and personal API tokens. Any role. */
@ApiController("/users/me")
class MyAccountApiController {

    private final AccountService accounts;
    private final ApiTokenService tokens;

    MyAccountApiController(AccountService accounts, ApiTokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** Body of {@code POST /users/me/password}. */
    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[redacted]";
        }
    }

    @Operation(operationId = "getMyAccount")
    @GetMapping
    AccountView me(Principal principal) {
        return accounts.me(principal.getName());
    }

    @Operation(operationId = "changeMyPassword")
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(Principal principal, @RequestBody PasswordChange body) {
        accounts.changeOwnPassword(principal.getName(), body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "createMyToken")
    @PostMapping("/tokens")
    ResponseEntity<CreatedToken> createToken(Principal principal, @RequestBody NewToken body) {
        CreatedToken created = tokens.create(principal.getName(), body);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    /** Your tokens, as one page of the list shape of API.md ({@code items, page, size, totalElements}). */
    @Operation(operationId = "listMyTokens")
    @GetMapping("/tokens")
    PageResponse<TokenView> listTokens(Principal principal) {
        return PageResponse.all(tokens.list(principal.getName()));
    }

    @Operation(operationId = "revokeMyToken")
    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revokeToken(Principal principal, @PathVariable long id) {
        tokens.revoke(principal.getName(), id);
        return ResponseEntity.noContent().build();
    }
}
