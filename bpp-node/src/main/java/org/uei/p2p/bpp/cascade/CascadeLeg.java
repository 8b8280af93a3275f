package org.uei.p2p.bpp.cascade;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** One utility's part of a cascade: the request sent to it and its answer. */
@Entity
@Table(name = "cascade_leg")
public class CascadeLeg extends PanacheEntityBase {

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

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public LegState status;

  @Column(length = 2000)
  public String detail;

  /** The utility's on_init/on_confirm as received. */
  @Column(name = "answer_body")
  public byte[] answerBody;

  @Column(name = "utility_order_id")
  public String utilityOrderId;

  /** The leg as the cascade's decision sees it. */
  public CascadeDecision.Leg view() {
    return new CascadeDecision.Leg(
        messageId, discomId, utilityId, status, detail, utilityOrderId != null);
  }

  /** The legs of a cascade. */
  public static List<CascadeLeg> of(String cascadeId) {
    return list("cascadeId = ?1 order by discomId", cascadeId);
  }

  /**
   * Marks the leg {@code messageId} FAILED with {@code why}, in a transaction of its own, unless an
   * answer came in first: a send that was not ACKed.
   */
  public static void failed(String messageId, String why) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              CascadeLeg l = findById(messageId);
              if (l.status == LegState.SENT) {
                l.status = LegState.FAILED;
                l.detail = Cascades.truncate(why);
              }
            });
  }
}
