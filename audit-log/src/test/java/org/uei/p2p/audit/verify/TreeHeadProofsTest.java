package org.uei.p2p.audit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.uei.p2p.audit.Fixtures;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.entry.EntryCodec;
import org.uei.p2p.audit.entry.SignedMessageEntry;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.sth.TreeHeadSigner;
import org.uei.p2p.audit.store.InMemoryLogStore;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * A buyer checking, from the seller's signed heads and proofs alone, that its confirm was logged.
 */
class TreeHeadProofsTest {

  private final Ed25519KeyPair sellerKey = Ed25519KeyPair.generate();
  private final TreeHeadSigner signer =
      new TreeHeadSigner(
          sellerKey, null, Clock.fixed(Instant.parse("2026-02-10T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void confirmIsProvablyInTheSellersLogAndLaterHeadsExtendEarlierOnes() throws Exception {
    MerkleLog seller = new MerkleLog(new InMemoryLogStore());
    for (int i = 0; i < 6; i++) {
      seller.append(Fixtures.entry(i));
    }
    long confirmIndex = seller.append(Fixtures.entry(6));
    SignedTreeHead early = SignedTreeHead.verify(signer.sign(seller).jws(), sellerKey.publicKey());
    for (int i = 7; i < 19; i++) {
      seller.append(Fixtures.entry(i));
    }
    SignedTreeHead late = SignedTreeHead.verify(signer.sign(seller).jws(), sellerKey.publicKey());

    byte[] served = seller.entry(confirmIndex);
    SignedMessageEntry confirm = (SignedMessageEntry) EntryCodec.decode(served);
    assertEquals("confirm", confirm.action());
    assertTrue(
        TreeHeadProofs.entryIncluded(
            served, seller.inclusionProof(confirmIndex, late.treeSize()), late));
    assertTrue(
        TreeHeadProofs.entryIncluded(
            served, seller.inclusionProof(confirmIndex, early.treeSize()), early));
    assertTrue(
        TreeHeadProofs.extendsHead(
            early, late, seller.consistencyProof(early.treeSize(), late.treeSize())));

    assertFalse(
        TreeHeadProofs.entryIncluded(
            Fixtures.entry(7).encode(), seller.inclusionProof(confirmIndex, late.treeSize()), late),
        "another entry");
    assertFalse(
        TreeHeadProofs.entryIncluded(
            served, seller.inclusionProof(confirmIndex, early.treeSize()), late),
        "proof for another head");
    assertFalse(
        TreeHeadProofs.extendsHead(
            late, early, seller.consistencyProof(early.treeSize(), late.treeSize())));
  }
}
