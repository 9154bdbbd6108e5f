import { Button, Container } from '@mantine/core';
import { Link } from 'react-router';
import { Empty } from '../components/States';

export function NotFoundPage() {
  return (
    <Container size="sm">
      <Empty title="There is nothing at this address">
        The link may be old, or what it pointed to was deleted or is not visible to you.
      </Empty>
      <Button component={Link} to="/my-week" variant="light" mx="auto" display="block" w="fit-content">
        Go to My week
      </Button>
    </Container>
  );
}
