package dev.tlsconsole.security.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    @EntityGraph(attributePaths = {"account", "account.roles"})
    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByAccountUsernameOrderByCreatedAtDesc(String username);

    /**
     * Records a use without the optimistic lock: many requests may present the same token at once,
     * and "last used" tolerates any of them winning. Only writes when the stored time is older than
     * {@code notAfter}, so a busy token costs one write a minute.
     */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :notAfter)")
    int recordUse(long id, Instant now, Instant notAfter);
}
