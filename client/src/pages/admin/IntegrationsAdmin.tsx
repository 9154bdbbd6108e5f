import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ServiceAccountsSection } from '../../components/integrations/ServiceAccountsSection';
import { WebhooksSection } from '../../components/integrations/WebhooksSection';

/** Admin → Integrations: service accounts and their API keys, and outbound webhooks (ADR 0027, 0030). */
export function IntegrationsAdmin() {
  const [section, setSection] = useState<'service-accounts' | 'webhooks'>('service-accounts');
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        How other systems work with Okr: they call the API with a service account’s key, and hear of changes through webhooks. The guide
        “Integrate with Okr” (docs/integrate.md) has curl examples.
      </Text>
      <SegmentedControl
        aria-label="Integrations"
        value={section}
        onChange={(v) => setSection(v as 'service-accounts' | 'webhooks')}
        data={[
          { value: 'service-accounts', label: 'Service accounts & API keys' },
          { value: 'webhooks', label: 'Webhooks' },
        ]}
        style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
      />
      {section === 'service-accounts' ? <ServiceAccountsSection /> : <WebhooksSection />}
    </Stack>
  );
}
