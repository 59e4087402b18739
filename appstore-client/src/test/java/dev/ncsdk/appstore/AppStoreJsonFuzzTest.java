package dev.ncsdk.appstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

class AppStoreJsonFuzzTest {

    /** Any bytes either read into apps or fail with StoreFormatException, and a filtered read agrees. */
    @FuzzTest(maxDuration = "10s")
    void fuzzReadApps(byte[] data) {
        List<App> all;
        try {
            all = AppStoreJson.readApps(data);
        } catch (StoreFormatException e) {
            return;
        }
        List<App> some = AppStoreJson.readApps(data, id -> id.startsWith("a"));
        assertThat(some).allSatisfy(a -> assertThat(a.id()).startsWith("a"));
        assertThat(some.size()).isLessThanOrEqualTo(all.size());
        for (App a : all) {
            for (AppRelease r : a.releases()) {
                try {
                    r.platformSpec();
                    r.appVersion();
                } catch (IllegalArgumentException e) {
                    // per-release problems are allowed; they must be IllegalArgumentExceptions
                }
            }
        }
    }

    /** The other store documents never fail with anything but StoreFormatException. */
    @FuzzTest(maxDuration = "10s")
    void fuzzOtherDocuments(byte[] data) {
        try {
            AppStoreJson.readCategories(data);
        } catch (StoreFormatException e) {
            // expected for most inputs
        }
        try {
            AppStoreJson.readRatings(data);
        } catch (StoreFormatException e) {
            // expected for most inputs
        }
        try {
            AppStoreJson.readPlatforms(data);
        } catch (StoreFormatException e) {
            // expected for most inputs
        }
        try {
            AppStoreJson.readDiscover(data);
        } catch (StoreFormatException e) {
            // expected for most inputs
        }
    }
}
