package org.sahay.registry;

/**
 * Why a member was erased. A fixed list, because a free-text reason would end up holding the very
 * personal details erasure removes.
 */
public enum ErasureReason {
  MEMBER_REQUEST,
  DUPLICATE_RECORD,
  ENTERED_BY_MISTAKE,
  OTHER
}
