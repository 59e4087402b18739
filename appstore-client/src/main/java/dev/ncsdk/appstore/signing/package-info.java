/**
 * App Store code signing: {@link dev.ncsdk.appstore.signing.AppSigner} signs app ids and release archives,
 * {@link dev.ncsdk.appstore.signing.AppKeyGenerator} makes keys and certificate requests,
 * {@link dev.ncsdk.appstore.signing.TrustMaterial} holds Nextcloud's roots, intermediates and revocation lists, and
 * {@link dev.ncsdk.appstore.signing.ReleaseVerifier} checks a release as Nextcloud does before installing it.
 */
package dev.ncsdk.appstore.signing;
