package org.uei.p2p.bpp.beckn;

/**
 * Where each part of an order sits in the message the buyer sent, so a refusal names the member in
 * the sender's own wire: {@code beckn:orderItems[i]} on wave 1, the contract's commitment interval
 * on wave 2. Lines are numbered as the codec reads them.
 */
public interface OrderPaths {

  /** The offer id of line {@code i}. */
  String offer(int i);

  /** The delivery slot of line {@code i}. */
  String slot(int i);

  /** The provider of line {@code i}. */
  String provider(int i);

  /** The quantity of line {@code i}. */
  String quantity(int i);

  /** The price of line {@code i}. */
  String price(int i);

  /** The buyer's meter. */
  String buyerMeter();

  /** The seller platform the order is for. */
  String sellerPlatform();

  /** The order as a whole. */
  String order();

  /** The paths of a wave-1 {@code beckn:Order}. */
  OrderPaths WAVE1 =
      new OrderPaths() {
        private String item(int i) {
          return "message.order.beckn:orderItems[" + i + "]";
        }

        @Override
        public String offer(int i) {
          return item(i) + ".beckn:acceptedOffer.beckn:id";
        }

        @Override
        public String slot(int i) {
          return item(i) + ".beckn:acceptedOffer.beckn:offerAttributes.deliveryWindow";
        }

        @Override
        public String provider(int i) {
          return item(i) + ".beckn:acceptedOffer.beckn:provider";
        }

        @Override
        public String quantity(int i) {
          return item(i) + ".beckn:quantity.unitQuantity";
        }

        @Override
        public String price(int i) {
          return item(i) + ".beckn:acceptedOffer.beckn:price";
        }

        @Override
        public String buyerMeter() {
          return "message.order.beckn:buyer.beckn:buyerAttributes.meterId";
        }

        @Override
        public String sellerPlatform() {
          return "message.order.beckn:orderAttributes.bpp_id";
        }

        @Override
        public String order() {
          return "message.order";
        }
      };
}
