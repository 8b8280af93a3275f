package org.uei.p2p.node.wire;

/**
 * Who sends and who receives each action, by its wire name: the rules the sender binding, the
 * sender URL check, the replay guard and the store share. A request is sent by the caller ({@code
 * bap}) and a callback by the provider ({@code bpp}) on both wires, whatever role the participants
 * play in the trade (a seller platform sending {@code status} to a buyer platform is the caller of
 * that exchange). Wave 2's catalog service is the exception: the provider sends {@code
 * catalog/publish}, and the service's {@code catalog/on_publish} names only the provider.
 */
public final class Actions {

  /** The wave-2 action a provider sends to the catalog service. */
  public static final String CATALOG_PUBLISH = "catalog/publish";

  /** The catalog service's answer to {@link #CATALOG_PUBLISH}. */
  public static final String CATALOG_ON_PUBLISH = "catalog/on_publish";

  private Actions() {}

  /** True for {@code on_*} and {@code …/on_*} names. */
  public static boolean isCallback(String action) {
    return action != null && (action.startsWith("on_") || action.contains("/on_"));
  }

  /** The member naming the sender of {@code action}, or null when the context does not name it. */
  public static ContextField senderField(String action) {
    if (CATALOG_PUBLISH.equals(action)) {
      return ContextField.BPP_ID;
    }
    if (CATALOG_ON_PUBLISH.equals(action)) {
      return null;
    }
    return isCallback(action) ? ContextField.BPP_ID : ContextField.BAP_ID;
  }

  /**
   * The member naming the receiver of {@code action}, or null when the context does not name it.
   */
  public static ContextField receiverField(String action) {
    if (CATALOG_PUBLISH.equals(action)) {
      return null;
    }
    if (CATALOG_ON_PUBLISH.equals(action)) {
      return ContextField.BPP_ID;
    }
    return isCallback(action) ? ContextField.BAP_ID : ContextField.BPP_ID;
  }
}
