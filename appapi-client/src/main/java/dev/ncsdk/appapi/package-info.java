/** What every AppAPI client shares: capabilities, versions, features and AppAPI's own failures. */
package dev.ncsdk.appapi;
