package org.convlab.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page that belongs to classroom mode only (sign-in, registration, classes, assignments, the
 * teacher's and admin's pages): in personal mode, where nobody signs in and there is no class, it
 * sends its visitor to the home page instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ClassroomOnly {}
