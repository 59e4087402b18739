/**
 * AppAPI administration: {@link dev.ncsdk.appapi.admin.AppApiAdminClient}, deploy daemons, ExApps and settings.
 */
package dev.ncsdk.appapi.admin;
