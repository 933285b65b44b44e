import { Grid, Paper, Stack } from '@mantine/core';
import { MyWork } from '../work/MyWork';
import { WaitingList } from '../work/WaitingList';
import { ScreenPop } from '../workspace/ScreenPop';
import { AgentStateControl } from './AgentStateControl';
import { CustomerSearch } from './CustomerSearch';
import { MyQueues } from './MyQueues';

/** The agent's screen: state, my queues, my work (offers, contacts, wrap-ups), search, the screen pop, who waits. */
export function QueueScreen() {
  return (
    <Stack>
      <AgentStateControl />
      <MyQueues />
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <MyWork />
            <Paper withBorder p="md">
              <CustomerSearch />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ScreenPop />
        </Grid.Col>
      </Grid>
      <WaitingList />
    </Stack>
  );
}
