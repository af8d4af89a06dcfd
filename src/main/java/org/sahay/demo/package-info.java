/**
 * Demo data: with {@code SAHAY_DEMO=true} Sahay starts with fictional collectives in Andhra Pradesh
 * and West Bengal, a mentor, a funder and a network, synthetic members in four scripts and records
 * across the modules, all made through the modules' own services as their users would. Never on by
 * default, and refused on a database that already holds real data.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Demo data",
    allowedDependencies = {
      "access",
      "care",
      "entitlements",
      "funds",
      "needs",
      "organisations",
      "platform",
      "registry",
      "relief",
      "support"
    })
package org.sahay.demo;
