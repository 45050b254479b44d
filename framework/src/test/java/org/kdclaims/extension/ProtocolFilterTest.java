package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kdclaims.annotations.ProtocolVersion;
import org.kdclaims.config.ScaleProfile;

class ProtocolFilterTest {
    @ProtocolVersion(2)
    static class AFrozenV2Claim {
    }

    @ProtocolVersion(3)
    static class AV3Claim {
    }

    static class AUsersOwnClaim {
    }

    @Test
    void aFrozenProtocolsClaimsRunOnlyUnderItsOwnProfilesAndSaySoElsewhere() {
        assertThat(ProtocolFilter.skipReason(AFrozenV2Claim.class, ScaleProfile.ciV2())).isEmpty();
        assertThat(ProtocolFilter.skipReason(AFrozenV2Claim.class, ScaleProfile.nightlyV2())).isEmpty();
        assertThat(ProtocolFilter.skipReason(AFrozenV2Claim.class, ScaleProfile.ci())).hasValueSatisfying(r -> assertThat(r)
                .contains("AFrozenV2Claim is a claim of protocol v2").contains("-Dkd.scale=ci runs protocol v3")
                .contains("-Dkd.scale=ci-v2 or -Dkd.scale=nightly-v2"));
        assertThat(ProtocolFilter.skipReason(AV3Claim.class, ScaleProfile.ci())).isEmpty();
        assertThat(ProtocolFilter.skipReason(AV3Claim.class, ScaleProfile.smoke())).isEmpty();
        assertThat(ProtocolFilter.skipReason(AV3Claim.class, ScaleProfile.ciV2())).hasValueSatisfying(r -> assertThat(r)
                .contains("run it with -Dkd.scale=ci, nightly, smoke or paper"));
    }

    @Test
    void claimsWithoutAProtocolRunUnderEveryProfile() {
        for (ScaleProfile p : new ScaleProfile[] {ScaleProfile.smoke(), ScaleProfile.ci(), ScaleProfile.ciV2(),
                ScaleProfile.ciV1(), ScaleProfile.nightlyV2()}) {
            assertThat(ProtocolFilter.skipReason(AUsersOwnClaim.class, p)).as(p.name()).isEmpty();
        }
    }
}
