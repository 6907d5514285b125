package dev.tlsconsole.notifications;

/** How sending one message to one channel went (after every attempt). */
record Delivery(boolean delivered, String detail, int attempts) {
}
