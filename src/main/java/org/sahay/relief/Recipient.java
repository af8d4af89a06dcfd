package org.sahay.relief;

/**
 * Somebody who is not a member, registered at a distribution site (a migrant worker, say), with
 * minimal data only: a name, a phone if any, the group they came with, their village.
 */
public record Recipient(RecipientId id, String name, String phone, String group, String village) {}
