package org.uei.p2p.node.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.uei.p2p.model.json.BecknJson;

/**
 * The mapper behind the node's JSON APIs (provider, client, utility): Quarkus's usual settings,
 * read through the wire factory, so that these APIs refuse what the Beckn endpoints refuse — bodies
 * that are not UTF-8 JSON text, anything after the first value, numbers beyond {@link
 * org.uei.p2p.model.json.NumberBounds}.
 */
@jakarta.enterprise.context.ApplicationScoped
public class RestJson {

  @Produces
  @Singleton
  ObjectMapper objectMapper(Instance<ObjectMapperCustomizer> customizers) {
    ObjectMapper mapper = JsonMapper.builder(BecknJson.newWireFactory()).build();
    customizers.stream().sorted().forEach(c -> c.customize(mapper));
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    return mapper;
  }
}
