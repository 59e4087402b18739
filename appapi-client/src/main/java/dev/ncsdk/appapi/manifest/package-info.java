/** ExApp manifests: the {@code <external-app>} part of {@code info.xml} and the {@code --json-info} document. */
package dev.ncsdk.appapi.manifest;
