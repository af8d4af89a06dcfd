package org.sahay.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller method that reads a large body (an import, an upload): the caller must hold this
 * action in their own organisation before a byte of the body is read or parsed. The service still
 * makes its full check (the record's organisation, links) afterwards; this one only keeps those who
 * may do no such thing from making Sahay read megabytes for them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CheckedBeforeBody {
  /**
   * The name of the action (for example MEMBER_WRITE), one a module declares: {@code
   * AccessPolicyTableTest} checks every use.
   */
  String value();
}
