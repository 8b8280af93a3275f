package org.uei.p2p.bpp.ueiv1;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Wave 1 and UEI v1 (Beckn 1.1.0) on one seller node; DISCOM PVVNL has a utility node (its trades'
 * limit checks are not cascaded on UEI v1).
 */
public class UeiV1Mode implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "uei.wire", "wave1,uei-v1",
        "uei.bpp.settlement.vpa", "seller-platform@upi",
        "uei.bpp.settlement.account-number", "000111222333",
        "uei.bpp.settlement.ifsc", "TEST0000001",
        "uei.bpp.utilities.PVVNL", "utility.pvvnl.test");
  }
}
