package org.cove.portal.internal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;

@StyleSheet("context://styles/cove.css")
public class AppShell implements AppShellConfigurator {}
