/**
 * The values of {@link dev.ncsdk.appstore.AppStorePublisher}: release uploads, outcomes, the download check and
 * the store's rejection.
 */
package dev.ncsdk.appstore.publish;
