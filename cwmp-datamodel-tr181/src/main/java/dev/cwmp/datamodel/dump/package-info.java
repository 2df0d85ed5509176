/** Readers of device parameter dumps (the genieacs-sim CSV format). */
package dev.cwmp.datamodel.dump;
