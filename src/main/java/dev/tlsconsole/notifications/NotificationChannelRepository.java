package dev.tlsconsole.notifications;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationChannelRepository extends JpaRepository<NotificationChannel, Long> {

    List<NotificationChannel> findAllByOrderByNameAsc();

    Optional<NotificationChannel> findByName(String name);
}
