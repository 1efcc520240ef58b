package dev.crosslink.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a GET whose anonymous answer depends only on its path, its own query parameters and
 * the stored public content, so a shared cache may keep it until content changes. The cache room
 * reads this; resources only declare it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicRead {
}
