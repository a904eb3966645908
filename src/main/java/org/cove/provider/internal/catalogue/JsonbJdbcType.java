package org.cove.provider.internal.catalogue;

import org.hibernate.dialect.PostgreSQLCastingJsonJdbcType;

/**
 * jsonb bound as text with {@code cast(? as jsonb)}, never as the driver's PGobject: under an
 * application server the driver's classes may come from another class loader than Hibernate sees,
 * and the driver then refuses the PGobject it does not recognise.
 */
public class JsonbJdbcType extends PostgreSQLCastingJsonJdbcType {

  public JsonbJdbcType() {
    super(true, null);
  }
}
