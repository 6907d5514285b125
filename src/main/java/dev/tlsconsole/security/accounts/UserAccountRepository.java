package dev.tlsconsole.security.accounts;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    /** The account, row-locked until the transaction ends: concurrent failed logins count one by one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from UserAccount a where a.username = :username")
    Optional<UserAccount> lockByUsername(String username);

    Page<UserAccount> findByUsernameContainingIgnoreCase(String fragment, Pageable pageable);

    @Query("select count(a) from UserAccount a where a.lockedUntil > :now")
    long countLocked(Instant now);

    boolean existsByUsernameIgnoreCase(String username);

    @Query("select count(a) from UserAccount a join a.roles r where r = dev.tlsconsole.security.accounts.Role.ADMIN and a.enabled = true")
    long countEnabledAdmins();
}
