/**
 * Nextcloud's OCS API: {@code OcsClient}, credentials, retries and the SDK's exception hierarchy
 * rooted at {@link dev.ncsdk.ocs.NcException}.
 */
package dev.ncsdk.ocs;
