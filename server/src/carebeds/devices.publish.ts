// Publishes a device's alert after its transaction committed, on the same bus as every alert.
import type { AlertEvent } from '../alerts/index.js';

export function publishDeviceAlert(bus: { publish(e: AlertEvent): void }, alert: AlertEvent | null) {
  if (alert) bus.publish(alert);
}
