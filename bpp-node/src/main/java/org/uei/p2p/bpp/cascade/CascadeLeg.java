package org.uei.p2p.bpp.cascade;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** One utility's part of a cascade: the request sent to it and its answer. */
@Entity
@Table(name = "cascade_leg")
public class CascadeLeg extends PanacheEntityBase {

  /** Sent, no answer yet. */
  public static final String SENT = "SENT";
  /** Answered without error. */
  public static final String OK = "OK";
  /** Answered with an error. */
  public static final String REFUSED = "REFUSED";
  /** Could not be sent (no registry record, NACK, unreachable). */
  public static final String FAILED = "FAILED";
  /** Recorded by the utility, then cancelled there because the cascade was refused. */
  public static final String CANCELLED = "CANCELLED";

  /** The cascaded request's message id, which the utility's callback echoes. */
  @Id
  @Column(name = "message_id")
  public String messageId;

  @Column(name = "cascade_id", nullable = false)
  public String cascadeId;

  @Column(name = "discom_id", nullable = false)
  public String discomId;

  @Column(name = "utility_id", nullable = false)
  public String utilityId;

  @Column(name = "utility_uri", length = 2048)
  public String utilityUri;

  @Column(nullable = false)
  public String status;

  @Column(length = 2000)
  public String detail;

  /** The utility's on_init/on_confirm as received. */
  @Column(name = "answer_body")
  public byte[] answerBody;

  @Column(name = "utility_order_id")
  public String utilityOrderId;

  /** The legs of a cascade. */
  public static List<CascadeLeg> of(String cascadeId) {
    return list("cascadeId = ?1 order by discomId", cascadeId);
  }
}
