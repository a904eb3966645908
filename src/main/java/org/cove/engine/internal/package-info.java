/**
 * The engine's rooms: {@code core} (what both backends share), {@code local} and {@code
 * kubernetes}. Only {@link org.cove.engine.internal.EngineSelection}, which hands the operator the
 * configured backend, lives here: it is the one class that knows both backends, and nothing in the
 * rooms uses it.
 */
package org.cove.engine.internal;
