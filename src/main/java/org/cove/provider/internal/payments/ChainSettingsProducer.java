package org.cove.provider.internal.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads the chain's settings from configuration once, for every payments bean. */
@ApplicationScoped
class ChainSettingsProducer {

  @Produces
  @Singleton
  ChainSettings chainSettings(
      @ConfigProperty(name = "cove.chain.rpc.url") Optional<String> rpcUrl,
      @ConfigProperty(name = "cove.chain.id") long chainId,
      @ConfigProperty(name = "cove.chain.confirmations", defaultValue = "1") int confirmations,
      @ConfigProperty(name = "cove.chain.quote.validity.seconds", defaultValue = "600")
          long quoteValiditySeconds,
      @ConfigProperty(name = "cove.chain.quote.limit", defaultValue = "100") int quoteLimit,
      @ConfigProperty(name = "cove.chain.quote.retention.seconds", defaultValue = "86400")
          long quoteRetentionSeconds,
      @ConfigProperty(name = "cove.chain.fee.address") Optional<String> feeAddress) {
    return ChainSettings.of(
        rpcUrl,
        chainId,
        confirmations,
        quoteValiditySeconds,
        quoteLimit,
        quoteRetentionSeconds,
        feeAddress);
  }
}
