/**
 * The service-provider interface for your own architectures: implement {@link
 * org.kdclaims.spi.ArchitectureProvider}, list the class in
 * {@code META-INF/services/org.kdclaims.spi.ArchitectureProvider}, and name its family in
 * {@code @Teacher(arch = ...)} and {@code @Student(arch = ...)}. This package depends on nothing
 * else of kd-claims, so a provider compiles against it alone.
 */
package org.kdclaims.spi;
