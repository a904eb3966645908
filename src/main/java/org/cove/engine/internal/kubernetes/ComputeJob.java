package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One compute job with the {@code kubernetes} backend: the spec is what the provider accepted, the
 * status where the engine has got to. This resource is the only place the job's state lives; the
 * status is a subresource, written only through it, so a spec update can never overwrite it.
 */
@Group(ComputeJob.GROUP)
@Version(ComputeJob.VERSION)
@Kind("ComputeJob")
@Plural("computejobs")
@Singular("computejob")
public class ComputeJob extends CustomResource<ComputeJobSpec, ComputeJobStatus>
    implements Namespaced {

  public static final String GROUP = "cove.org";
  public static final String VERSION = "v1alpha1";

  @Override
  protected ComputeJobSpec initSpec() {
    return new ComputeJobSpec();
  }
}
